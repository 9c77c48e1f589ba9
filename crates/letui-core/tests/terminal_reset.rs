//! `reset` repairs a terminal that a killed program left broken: raw,
//! non-blocking, on the alternate screen with mouse reporting on.

use std::io::Read;
use std::os::fd::AsFd;

use letui_core::terminal::{Modes, TtyState, reset, reset_sequence};
use rustix::fs::{Mode, OFlags, fcntl_getfl, fcntl_setfl, open};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{InputModes, LocalModes, OutputModes, tcgetattr};

#[test]
fn a_raw_nonblocking_terminal_comes_back_cooked_and_every_mode_is_turned_off() {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let slave = open(
        name.as_c_str(),
        OFlags::RDWR | OFlags::NOCTTY,
        Mode::empty(),
    )
    .unwrap();

    // What a killed session leaves behind.
    let saved = TtyState::save(&slave, None::<&std::fs::File>).unwrap();
    saved.make_raw(&slave).unwrap();
    let flags = fcntl_getfl(&slave).unwrap();
    fcntl_setfl(&slave, flags | OFlags::NONBLOCK).unwrap();
    let t = tcgetattr(&slave).unwrap();
    assert!(
        !t.local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO)
    );

    reset(slave.as_fd(), slave.as_fd()).unwrap();

    let t = tcgetattr(&slave).unwrap();
    assert!(
        t.local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG)
    );
    assert!(t.input_modes.contains(InputModes::ICRNL));
    assert!(
        t.output_modes
            .contains(OutputModes::OPOST | OutputModes::ONLCR)
    );
    assert!(!fcntl_getfl(&slave).unwrap().contains(OFlags::NONBLOCK));

    let mut out = vec![0; 4096];
    let n = std::fs::File::from(master).read(&mut out).unwrap();
    let out = String::from_utf8_lossy(&out[..n]).into_owned();
    let seq = String::from_utf8(reset_sequence()).unwrap();
    // (ONLCR is on by then; the sequence has no newline to translate.)
    assert_eq!(out, seq);
    for off in [
        "\x1b[?1049l",
        "\x1b[?25h",
        "\x1b[?1000l",
        "\x1b[?1006l",
        "\x1b[?2004l",
        "\x1b[<99u",
        "\x1b[>4;0m",
        "\x1b[?2027l",
    ] {
        assert!(seq.contains(off), "{off:?} missing");
    }
    // A superset of what any session's leave writes.
    for part in Modes::default().leave_sequence(true).split(|&b| b == 0x1b) {
        let part = String::from_utf8_lossy(part);
        if !part.is_empty() && part != "[<u" {
            assert!(seq.contains(&*part), "{part:?} missing");
        }
    }
}
