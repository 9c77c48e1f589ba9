//! The committed C header must be what cbindgen makes of the current
//! sources. Run with `LETUI_BLESS=1` to rewrite it after changing the ABI.

use std::path::PathBuf;

#[test]
fn header_is_up_to_date() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&dir)
        .with_config(config)
        .generate()
        .expect("cbindgen runs")
        .write(&mut generated);
    let path = dir.join("include/letui.h");
    if std::env::var_os("LETUI_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/letui.h is out of date: run `LETUI_BLESS=1 cargo test -p letui-ffi --test header`"
    );
}
