//! How the binary itself is built, where that shapes every command's start-up.

/// build.rs links the binary at a fixed address on Linux, so that the loader has no pointers
/// to rewrite at start-up (chrono-tz's tables alone hold 32,000 of them: see build.rs). The
/// ELF header's type says which: 2 is a fixed-address executable, 3 a position-independent one.
#[test]
#[cfg(target_os = "linux")]
fn the_binary_is_linked_at_a_fixed_address_unless_a_pie_is_asked_for() {
    let header = std::fs::read(env!("CARGO_BIN_EXE_netjournal")).unwrap();
    assert_eq!(&header[..4], b"\x7fELF");
    let kind = u16::from_le_bytes([header[16], header[17]]);
    let expected = if option_env!("NETJOURNAL_PIE") == Some("1") {
        3
    } else {
        2
    };
    assert_eq!(kind, expected, "ELF type of the netjournal binary");
}
