//! `report --format html`: the page parses as HTML and as XML, every chart is well-formed,
//! accessible SVG, the figures it shows are those of the JSON report, user text is escaped,
//! snapshots of a small journal in both languages, and a real browser renders the story's
//! report to a picture that is neither blank nor cut.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value as Json;

use crate::common::TestEnv;
use crate::report::{network, report_json, story};

/// A small journal whose names and notes hold markup: a professional club still paid for that
/// brought business, a political one left after a concern, and one-to-one business.
const SMALL: &str = r#"
    add network "R&D <Club>" --kind professional --joined 2024-01-15 --fee 20 --fee-period month
    log meeting --network "R&D <Club>" --date 2024-02-06 --format breakfast --minutes 60 --travel 30 --cost 12 --met "Ana <Bell>" --met "Tom O'Hara"
    log meeting --network "r&d <club>" --date 2024-03-05 --format lunch --minutes 90 --travel 30 --cost 25 --met "Ana <Bell>"
    log meeting --network "R&D <Club>" --date 2024-04-02 --format video --minutes 45 --met "Ana <Bell>"
    log referral --received --network "R&D <Club>" --contact "Ana <Bell>" --date 2024-04-20 --value 900 --notes "a site for 'Bell & Fils'"
    add network "Cercle d'Affaires" --kind political --joined 2023-11
    log meeting --network "Cercle d'Affaires" --date 2023-12-05 --format phone --minutes 20
    note "<script>alert('x')</script> my logo on a flyer & no one asked" --network "Cercle d'Affaires" --concern --date 2024-01-10
    leave network "Cercle d'Affaires" --date 2024-02-01 --reason "my name & logo used without consent"
    log meeting --date 2024-03-12 --format one-to-one --minutes 60 --met "Luc"
    log referral --received --contact "Luc" --date 2024-05-02 --value 1500 --notes "a logo"
"#;

fn small() -> TestEnv {
    let env = TestEnv::new();
    env.replay(SMALL);
    env
}

fn html(env: &TestEnv, extra: &[&str]) -> String {
    let mut args = vec!["report", "--format", "html"];
    args.extend_from_slice(extra);
    env.ok(args)
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
    page.select(&selector).collect()
}

fn select_in<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
    element.select(&selector).collect()
}

fn text(element: ElementRef) -> String {
    element.text().collect::<String>().trim().to_string()
}

fn attr(element: ElementRef, name: &str) -> String {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no `{name}` on {:?}", element.value()))
        .to_string()
}

fn attr_i64(element: ElementRef, name: &str) -> i64 {
    attr(element, name)
        .parse()
        .unwrap_or_else(|e| panic!("`{name}` is not a number: {e}"))
}

fn int(value: &Json) -> i64 {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("not an integer: {value}"))
}

/// An amount as the English report writes it: `€164.19`, `€2,400`.
fn money(cents: i64) -> String {
    let units = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match cents % 100 {
        0 => format!("€{grouped}"),
        c => format!("€{grouped}.{c:02}"),
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped: `11.7`, `3`.
fn decimal(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Keeps a copy of `page` to look at in a browser, when `NETJOURNAL_KEEP_DIR` names a folder.
fn keep(name: &str, page: &str) {
    if let Some(dir) = std::env::var_os("NETJOURNAL_KEEP_DIR") {
        std::fs::write(Path::new(&dir).join(name), page).expect("keep the page");
    }
}

/// The page parses as HTML without a single parse error, and as XML; returns it parsed.
#[track_caller]
fn parse(page: &str) -> Html {
    let document = Html::parse_document(page);
    assert!(
        document.errors.is_empty(),
        "HTML parse errors: {:?}",
        document.errors
    );
    if let Err(error) = roxmltree::Document::parse_with_options(
        page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    ) {
        panic!("the page is not well-formed XML: {error}");
    }
    document
}

/// Each `<svg>…</svg>` of the page, as text.
fn svgs(page: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<svg ") {
        let end = rest[start..].find("</svg>").expect("a closed <svg>") + start + 6;
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// Every SVG is a well-formed XML document of its own, named and described for assistive
/// technology; returns their ids.
#[track_caller]
fn check_svgs(page: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for svg in svgs(page) {
        let doc = roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("an SVG is not well-formed XML: {e}\n{svg}"));
        let root = doc.root_element();
        let id = root.attribute("id").expect("an SVG with an id").to_string();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert_eq!(root.attribute("role"), Some("img"), "{id}");
        let label = root.attribute("aria-label").expect("an aria-label");
        assert!(!label.is_empty(), "{id}");
        let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(children[0].tag_name().name(), "title", "{id}");
        assert_eq!(children[0].text(), Some(label), "{id}");
        assert_eq!(children[1].tag_name().name(), "desc", "{id}");
        assert!(children[1].text().is_some_and(|t| t.len() > 20), "{id}");
        let height: f64 = root.attribute("height").unwrap().parse().unwrap();
        // Nothing is drawn below the chart's height.
        for node in root.descendants().filter(|n| n.is_element()) {
            if let Some(y) = node.attribute("y").and_then(|y| y.parse::<f64>().ok()) {
                assert!(y <= height, "{id}: y={y} below {height}");
            }
        }
        ids.push(id);
    }
    ids
}

// ---------------------------------------------------------------------------------------------
// Snapshots.

#[test]
fn html_en() {
    let page = html(&small(), &["--lang", "en"]);
    parse(&page);
    insta::assert_snapshot!("report_html_en", page);
}

#[test]
fn html_fr() {
    let page = html(&small(), &["--lang", "fr"]);
    keep("small-fr.html", &page);
    parse(&page);
    insta::assert_snapshot!("report_html_fr", page);
}

// ---------------------------------------------------------------------------------------------
// Structure.

#[test]
fn the_story_page_parses_and_every_chart_is_well_formed_accessible_svg() {
    for lang in ["en", "fr"] {
        let page = html(&story(), &["--lang", lang]);
        let document = parse(&page);
        assert_eq!(
            check_svgs(&page),
            ["timeline", "spent-won", "depth", "referrals", "won-split"],
            "{lang}"
        );
        let root = select(&document, "html")[0];
        assert_eq!(attr(root, "lang"), lang);
        // Self-contained: nothing to fetch, nothing to run.
        for forbidden in ["<script", "<link", "src=", "href=", "@import", "url(http"] {
            assert!(!page.contains(forbidden), "{lang}: {forbidden}");
        }
        assert!(page.contains("@media print"));
        // The same sections as the text report, and the charts.
        for id in [
            "summary",
            "verdicts",
            "timeline-chart",
            "spent-won-chart",
            "depth-chart",
            "referrals-chart",
            "by-kind",
            "won",
            "next-steps",
            "retrospective",
        ] {
            assert_eq!(select(&document, &format!("section#{id}")).len(), 1, "{id}");
        }
    }
}

#[test]
fn the_words_are_in_the_chosen_language() {
    let fr = html(&story(), &["--lang", "fr"]);
    for words in [
        "Bilan de mes réseaux",
        "Chronologie des adhésions",
        "Profondeur des relations",
        "réunion en personne",
        "vus trois fois ou plus",
        "cooptation",
        "Rétrospective",
    ] {
        assert!(fr.contains(words), "{words}");
    }
    for english in [
        "Membership timeline",
        "meeting in person",
        "Retrospective",
        "Summary",
    ] {
        assert!(!fr.contains(english), "{english}");
    }
}

#[test]
fn user_text_is_escaped() {
    let page = html(&small(), &["--lang", "en"]);
    parse(&page);
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<Club>"));
    assert!(page.contains("R&amp;D &lt;Club&gt;"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    let document = Html::parse_document(&page);
    let names: Vec<String> = select(&document, "table.summary tbody th")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(names, ["Cercle d'Affaires", "R&D <Club>"]);
}

// ---------------------------------------------------------------------------------------------
// The figures shown are the JSON report's.

#[test]
fn the_figures_shown_are_those_of_the_json_report() {
    let env = story();
    let json = report_json(&env, &[]);
    let page = html(&env, &["--lang", "en"]);
    let document = parse(&page);

    let names: Vec<&str> = json["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 5);

    // The summary table, row by row.
    let rows = select(&document, "table.summary tbody tr");
    assert_eq!(rows.len(), names.len());
    for (row, name) in rows.into_iter().zip(&names) {
        let n = network(&json, name);
        let cells: Vec<String> = select_in(row, "th, td").into_iter().map(text).collect();
        let meetings = &n["meetings"];
        let contacts = &n["contacts"];
        let referrals = &n["referrals"];
        let expected = [
            name.to_string(),
            cells[1].clone(),
            format!(
                "{} ({} / {})",
                meetings["total"], meetings["in_person"], meetings["remote"]
            ),
            decimal(n["hours"].as_f64().unwrap(), 1),
            money(int(&n["spent_cents"])),
            format!(
                "{} ({} / {} / {})",
                contacts["total"],
                contacts["met_once"],
                contacts["met_twice"],
                contacts["met_three_plus"]
            ),
            format!("{} / {}", referrals["received"], referrals["given"]),
            money(int(&referrals["won_value_cents"])),
            n["roi"]
                .as_f64()
                .map_or("—".to_string(), |r| format!("{}×", decimal(r, 2))),
            n["verdict"]["call"].as_str().unwrap().to_string(),
        ];
        assert_eq!(cells, expected, "{name}");
    }

    // Time and money.
    let rows = select(&document, "svg#spent-won g.row");
    assert_eq!(rows.len(), names.len());
    for (row, name) in rows.into_iter().zip(&names) {
        let n = network(&json, name);
        assert_eq!(attr(row, "data-network"), *name);
        let spent = int(&n["spent_cents"]);
        let won = int(&n["referrals"]["won_value_cents"]);
        assert_eq!(attr_i64(row, "data-spent-cents"), spent, "{name}");
        assert_eq!(attr_i64(row, "data-won-cents"), won, "{name}");
        let value = |class: &str| text(select_in(row, &format!("text.value.{class}"))[0]);
        assert_eq!(value("spent"), money(spent), "{name}");
        assert_eq!(value("won"), money(won), "{name}");
        let hours = decimal(n["hours"].as_f64().unwrap(), 1);
        assert_eq!(value("hours"), format!("{hours} h"), "{name}");
    }

    // Depth, with the one-to-one row last.
    let rows = select(&document, "svg#depth g.row");
    assert_eq!(rows.len(), names.len() + 1);
    let mut depths: Vec<&Json> = names
        .iter()
        .map(|n| &network(&json, n)["contacts"])
        .collect();
    depths.push(&json["one_to_one"]["contacts"]);
    for (row, contacts) in rows.iter().zip(depths) {
        for field in ["total", "met_once", "met_twice", "met_three_plus"] {
            let name = format!("data-{}", field.replace('_', "-"));
            assert_eq!(attr_i64(*row, &name), int(&contacts[field]), "{name}");
        }
        assert_eq!(
            text(select_in(*row, "text.value")[0]),
            contacts["total"].to_string()
        );
    }
    assert_eq!(attr(rows[names.len()], "data-outside"), "true");

    // Referrals received → won, per network and one-to-one.
    let rows = select(&document, "svg#referrals g.row");
    assert_eq!(rows.len(), names.len() + 1);
    let mut counts: Vec<&Json> = names
        .iter()
        .map(|n| &network(&json, n)["referrals"])
        .collect();
    counts.push(&json["one_to_one"]["referrals"]);
    for (row, r) in rows.into_iter().zip(counts) {
        assert_eq!(attr_i64(row, "data-received"), int(&r["received"]));
        assert_eq!(attr_i64(row, "data-won"), int(&r["won"]));
        assert_eq!(attr_i64(row, "data-won-cents"), int(&r["won_value_cents"]));
        let mut label = format!("{} → {}", r["received"], r["won"]);
        if int(&r["won_value_cents"]) > 0 {
            label.push_str(&format!(" · {}", money(int(&r["won_value_cents"]))));
        }
        assert_eq!(text(select_in(row, "text.value")[0]), label);
    }

    // The timeline: every meeting and concern marked on its network's row.
    let rows = select(&document, "svg#timeline g.row");
    assert_eq!(rows.len(), names.len() + 1);
    let count = |row: ElementRef, css: &str| -> i64 {
        select_in(row, css)
            .into_iter()
            .map(|m| attr_i64(m, "data-count"))
            .sum()
    };
    for (row, name) in rows.iter().zip(&names) {
        let n = network(&json, name);
        assert_eq!(attr(*row, "data-network"), *name);
        assert_eq!(
            count(*row, ".in-person"),
            int(&n["meetings"]["in_person"]),
            "{name}"
        );
        assert_eq!(
            count(*row, ".remote"),
            int(&n["meetings"]["remote"]),
            "{name}"
        );
        assert_eq!(
            select_in(*row, "g.concern").len() as i64,
            int(&n["concerns"]),
            "{name}"
        );
        let bars = select_in(*row, "rect.membership");
        assert_eq!(bars.len(), 1, "{name}");
        assert_eq!(attr(bars[0], "data-kind"), n["kind"].as_str().unwrap());
    }
    let outside = rows[names.len()];
    let o2o = &json["one_to_one"]["meetings"];
    assert_eq!(count(outside, ".in-person"), int(&o2o["in_person"]));
    assert_eq!(count(outside, ".remote"), int(&o2o["remote"]));

    // Where the business came from.
    let won = &json["won_business"];
    let part = |class: &str| {
        attr_i64(
            select(&document, &format!("svg#won-split rect.{class}"))[0],
            "data-cents",
        )
    };
    assert_eq!(part("networks"), int(&won["through_networks_cents"]));
    assert_eq!(part("one-to-one"), int(&won["one_to_one_cents"]));

    // A verdict card per network, with every reason.
    let cards = select(&document, "article.card");
    assert_eq!(cards.len(), names.len());
    for (card, name) in cards.into_iter().zip(&names) {
        let n = network(&json, name);
        let call = n["verdict"]["call"].as_str().unwrap();
        assert!(attr(card, "class").ends_with(call), "{name}");
        let reasons: Vec<String> = select_in(card, "li")
            .into_iter()
            .map(|li| text(li).replace('\u{a0}', " "))
            .collect();
        let expected: Vec<&str> = n["verdict"]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert_eq!(reasons, expected, "{name}");
    }
}

#[test]
fn one_network_over_a_period_keeps_its_row_and_the_one_to_one_row() {
    let env = story();
    let page = html(
        &env,
        &[
            "--network",
            "club affaires sud",
            "--since",
            "2024-01",
            "--until",
            "2024-03",
        ],
    );
    let document = parse(&page);
    check_svgs(&page);
    let rows = select(&document, "svg#timeline g.row");
    assert_eq!(rows.len(), 2);
    assert_eq!(attr(rows[0], "data-network"), "Club Affaires Sud");
    // January and March: one lunch each.
    assert_eq!(select_in(rows[0], ".in-person").len(), 2);
    // Month ticks, for a period this short.
    let labels: Vec<String> = select(&document, "svg#timeline > text")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(labels, ["Jan 2024", "Feb", "Mar"]);
}

#[test]
fn a_period_with_no_network_says_so_and_draws_nothing() {
    let env = story();
    let page = html(&env, &["--until", "2020-01-01"]);
    let document = parse(&page);
    assert!(svgs(&page).is_empty());
    assert!(text(select(&document, "main")[0]).starts_with("No network in this period."));
}

/// Fifty networks over ten years, written straight into the journal.
fn fifty_networks() -> TestEnv {
    let env = TestEnv::new();
    env.run([
        "add",
        "network",
        "Seed",
        "--kind",
        "other",
        "--joined",
        "2014-01-01",
    ])
    .success();
    let conn = env.sql();
    let kinds = [
        "gender-based",
        "co-optation",
        "political",
        "professional",
        "alumni",
        "online",
        "local",
        "other",
    ];
    for i in 1..50 {
        let year = 2014 + i % 10;
        let joined = format!("{year}-{:02}-01", 1 + i % 12);
        conn.execute(
            "INSERT INTO networks (uuid, name, name_key, kind, joined_on, left_on, created_at, updated_at)
             VALUES (lower(hex(randomblob(16))), ?1, lower(?1), ?2, ?3, ?4, '2024-01-01', '2024-01-01')",
            rusqlite::params![
                format!("Network number {i} with a rather long name to cut"),
                kinds[i % 8],
                joined,
                (i % 3 == 0).then(|| format!("{}-01-31", year + 1)),
            ],
        )
        .unwrap();
        for m in 0..12 {
            conn.execute(
                "INSERT INTO meetings (uuid, date, network_id, format, in_person, minutes, cost_cents, created_at, updated_at)
                 VALUES (lower(hex(randomblob(16))), date(?1, ?2), ?3, ?4, ?5, 60, 1500, '2024-01-01', '2024-01-01')",
                rusqlite::params![
                    joined,
                    format!("+{} days", m * 45),
                    i as i64 + 1,
                    if m % 3 == 0 { "video" } else { "lunch" },
                    i64::from(m % 3 != 0),
                ],
            )
            .unwrap();
        }
    }
    env
}

#[test]
fn fifty_networks_over_ten_years_stay_readable() {
    let env = fifty_networks();
    let page = html(&env, &["--lang", "en"]);
    keep("fifty.html", &page);
    let document = parse(&page);
    check_svgs(&page);
    for chart in ["timeline", "spent-won", "depth", "referrals"] {
        let svg = select(&document, &format!("svg#{chart}"))[0];
        assert_eq!(select_in(svg, "g.row").len(), 50, "{chart}");
        // Taller with more networks: at least 26 units a row.
        let height: f64 = attr(svg, "height").parse().unwrap();
        assert!(height >= 50.0 * 26.0, "{chart}: {height}");
        assert_eq!(attr(svg, "width"), "960");
    }
    // Year ticks, one label a year at most, and long names cut.
    let labels: Vec<String> = select(&document, "svg#timeline > text")
        .into_iter()
        .map(text)
        .collect();
    assert!(labels.contains(&"2016".to_string()), "{labels:?}");
    assert!(labels.len() <= 13, "{labels:?}");
    // A name too long for its column is cut, and whole in the label's tooltip.
    let first = select(&document, "svg#timeline g.row")[1];
    let label = select_in(first, "g > text")[0];
    let (shown, whole) = (text(label), text(select_in(first, "g > title")[0]));
    assert!(whole.ends_with("with a rather long name to cut"), "{whole}");
    let kept = shown.strip_suffix('…').expect("an ellipsis");
    assert!(whole.starts_with(kept) && kept.len() > 20, "{shown}");
}

// ---------------------------------------------------------------------------------------------
// A real browser.

/// Chromium, where it is installed: `NETJOURNAL_CHROMIUM` when set, else Debian's.
fn chromium() -> Option<PathBuf> {
    match std::env::var_os("NETJOURNAL_CHROMIUM") {
        Some(path) => Some(PathBuf::from(path)),
        None => ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists()),
    }
    .filter(|p| p.exists())
}

/// Renders `page` headless to a `width` × `height` PNG; returns its pixels as RGB.
fn screenshot(page: &Path, png: &Path, width: u32, height: u32) -> Vec<[u8; 3]> {
    let browser = chromium().expect("chromium");
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium exited with {status}");

    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).expect("chromium wrote the screenshot"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buffer).expect("a frame");
    assert_eq!(
        (info.width, info.height),
        (width, height),
        "the picture's size"
    );
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected colour type {other:?}"),
    };
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buffer[..info.buffer_size()]
        .chunks(channels)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

#[test]
fn a_real_browser_renders_the_story_report() {
    if chromium().is_none() {
        // CI installs chromium (.ci/run): there, a missing browser is a failure, not a skip.
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "chromium is missing: .ci/run installs it with apt-get"
        );
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    }
    let env = story();
    let page = env.path("retro.html");
    env.cmd(["report", "--format", "html", "--output"])
        .arg(&page)
        .run()
        .exit(0);
    let (width, height) = (1200, 2000);
    let png = env.path("retro.png");
    let pixels = screenshot(&page, &png, width, height);
    // To look at what the browser drew: NETJOURNAL_KEEP_SCREENSHOT=/tmp/retro.png.
    if let Some(keep) = std::env::var_os("NETJOURNAL_KEEP_SCREENSHOT") {
        std::fs::copy(&png, keep).expect("keep the screenshot");
    }

    let share = |rows: std::ops::Range<u32>, test: &dyn Fn(&[u8; 3]) -> bool| -> f64 {
        let (from, to) = ((rows.start * width) as usize, (rows.end * width) as usize);
        let hits = pixels[from..to].iter().filter(|p| test(p)).count();
        hits as f64 / (to - from) as f64
    };
    let not_white = |p: &[u8; 3]| p.iter().any(|c| *c < 235);
    // Colour, as the charts have and text does not.
    let coloured = |p: &[u8; 3]| {
        let (max, min) = (p.iter().max().unwrap(), p.iter().min().unwrap());
        max - min > 60
    };
    // The title and table at the top, the cards and charts below.
    let top = share(0..400, &not_white);
    let charts = share(800..2000, &not_white);
    let colour = share(800..2000, &coloured);
    eprintln!("non-white: top {top:.4}, charts {charts:.4}; coloured: {colour:.4}");
    assert!(top > 0.02, "the top of the page is blank: {top:.4}");
    assert!(charts > 0.08, "the chart area is nearly blank: {charts:.4}");
    assert!(colour > 0.01, "the charts show no colour: {colour:.4}");
}
