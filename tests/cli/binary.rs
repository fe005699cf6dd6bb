//! How the binary itself is built, where that shapes every command's start-up.

/// build.rs leaves the binary position-independent (hardening: its code and data at a random
/// address), unless a packager built it with `NETJOURNAL_NO_PIE=1` (see build.rs). The ELF
/// header's type says which: 3 is a position-independent executable, 2 a fixed-address one.
#[test]
#[cfg(target_os = "linux")]
fn the_binary_is_position_independent_unless_a_fixed_address_is_asked_for() {
    let header = std::fs::read(env!("CARGO_BIN_EXE_netjournal")).unwrap();
    assert_eq!(&header[..4], b"\x7fELF");
    let kind = u16::from_le_bytes([header[16], header[17]]);
    let expected = if option_env!("NETJOURNAL_NO_PIE") == Some("1") {
        2
    } else {
        3
    };
    assert_eq!(kind, expected, "ELF type of the netjournal binary");
}
