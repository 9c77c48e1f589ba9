//! The input parser on garbage of several sizes and shapes: random bytes,
//! ESC floods, overlong and unterminated control strings, long CSI
//! parameters. Nothing panics, events never outnumber bytes, every string
//! sequence's bytes stay out of the events, and the parser comes back to
//! decoding keys afterwards. (Throughput is measured by `benches/input.rs`,
//! not here.)

use letui_core::input::{Event, KeyCode, Parser};

struct Lcg(u64);

impl Lcg {
    fn byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

fn random(size: usize, seed: u64) -> Vec<u8> {
    let mut r = Lcg(seed);
    (0..size).map(|_| r.byte()).collect()
}

/// Feeds in `chunk`-byte calls, ends stalled input as a caller's timeouts
/// would, and returns the number of events.
fn decode(p: &mut Parser, bytes: &[u8], chunk: usize) -> usize {
    let mut out = Vec::new();
    let mut n = 0;
    for c in bytes.chunks(chunk) {
        out.clear();
        p.feed(c, &mut out);
        n += out.len();
    }
    out.clear();
    p.abort(&mut out);
    p.flush(&mut out);
    n + out.len()
}

/// After any garbage, a plain key decodes as itself.
fn recovers(p: &mut Parser) {
    let mut out = Vec::new();
    p.feed(b"\x07", &mut out); // ends a string the garbage may have opened
    out.clear();
    p.feed(b"q", &mut out);
    let keys: Vec<_> = out
        .iter()
        .filter_map(|e| match e {
            Event::Key(k) => Some(k.code),
            _ => None,
        })
        .collect();
    assert_eq!(keys, [KeyCode::Char('q')]);
}

#[test]
fn random_bytes_of_many_sizes() {
    for (i, size) in [1, 7, 64, 511, 4096, 65_537, 1 << 20, 4 << 20]
        .into_iter()
        .enumerate()
    {
        let bytes = random(size, 0x5eed + i as u64);
        for chunk in [1, 3, 4096, usize::MAX] {
            if chunk == 1 && size > 65_537 {
                continue;
            }
            let mut p = Parser::new();
            let n = decode(&mut p, &bytes, chunk.min(bytes.len()));
            assert!(n <= size, "{n} events from {size} bytes");
            recovers(&mut p);
        }
    }
}

#[test]
fn an_esc_flood_is_half_as_many_keys_and_recovers() {
    let mut p = Parser::new();
    let n = decode(&mut p, &vec![0x1b; 1 << 20], 1 << 20);
    assert_eq!(n, 1 << 19);
    recovers(&mut p);
}

#[test]
fn string_sequences_never_become_keys_at_any_length() {
    for intro in [b']', b'P', b'_', b'^', b'X'] {
        for len in [0, 10, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 10 << 20] {
            for end in [&b"\x07"[..], b"\x1b\\"] {
                let mut bytes = vec![0x1b, intro];
                bytes.resize(2 + len, b'x');
                bytes.extend_from_slice(end);
                let mut p = Parser::new();
                assert_eq!(decode(&mut p, &bytes, 4096), 0, "intro {intro} len {len}");
                recovers(&mut p);
            }
        }
        // Unterminated: nothing, and abort ends it.
        let mut bytes = vec![0x1b, intro];
        bytes.resize(3 << 20, b'y');
        let mut p = Parser::new();
        assert_eq!(decode(&mut p, &bytes, 65_536), 0);
        recovers(&mut p);
    }
}

#[test]
fn long_csi_parameters_are_skipped_whole() {
    let mut bytes = b"\x1b[".to_vec();
    bytes.resize(1 << 20, b'1');
    bytes.push(b'A');
    let mut p = Parser::new();
    assert_eq!(decode(&mut p, &bytes, 4096), 0);
    recovers(&mut p);
}
