//! Control sequence parameters: `ESC [` bytes split into a header
//! (private marker, intermediate, final byte) and `;`-separated
//! parameters of `:`-separated values. Shared by the CSI and kitty
//! decoders, which depend on this and not on each other.

/// Most values (parameters and sub-parameters) kept from one sequence; a
/// sequence with more is dropped. A kept sequence has at most
/// [`MAX_SEQ`] bytes, so at most half as many values.
const MAX_VALUES: usize = MAX_SEQ / 2;
/// Most parameters (`;`-separated) in one sequence.
const MAX_PARAMS: usize = 32;

/// Longest CSI sequence kept, in bytes after `ESC [`; a longer one is
/// skipped up to its final byte and produces nothing.
pub(super) const MAX_SEQ: usize = 512;

/// The parameters of a sequence: `;`-separated parameters, each a list of
/// `:`-separated values, each possibly empty (`None`).
///
/// Owned by the parser and reused: parsing writes each value it opens, so
/// nothing is cleared per sequence.
#[derive(Debug)]
pub(super) struct Params {
    vals: [Option<u32>; MAX_VALUES],
    nvals: usize,
    /// `starts[i]` is the index in `vals` of parameter `i`'s first value.
    starts: [u16; MAX_PARAMS + 1],
    nparams: usize,
}

impl Default for Params {
    fn default() -> Self {
        Self::new()
    }
}

impl Params {
    pub(super) fn new() -> Self {
        Self {
            vals: [None; MAX_VALUES],
            nvals: 0,
            starts: [0; MAX_PARAMS + 1],
            nparams: 0,
        }
    }

    /// The number of parameters (0 for a sequence without any).
    pub(super) fn len(&self) -> usize {
        self.nparams
    }

    /// The values of parameter `i` (empty if absent).
    pub(super) fn param(&self, i: usize) -> &[Option<u32>] {
        if i >= self.nparams {
            return &[];
        }
        let start = usize::from(self.starts[i]);
        let end = if i + 1 < self.nparams {
            usize::from(self.starts[i + 1])
        } else {
            self.nvals
        };
        &self.vals[start..end]
    }

    /// Value `sub` of parameter `i`, `None` if absent or empty.
    pub(super) fn get(&self, i: usize, sub: usize) -> Option<u32> {
        self.param(i).get(sub).copied().flatten()
    }
}

/// The bytes around a control sequence's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    /// Private marker (`<`, `=`, `>`, `?`) or 0.
    pub(super) private: u8,
    /// The one intermediate byte (0x20..=0x2f) or 0.
    pub(super) intermediate: u8,
    /// The final byte.
    pub(super) fin: u8,
}

/// Parses the bytes after `ESC [` up to and including the final byte, the
/// parameters into `p`.
///
/// Returns `None` for a malformed sequence: a private marker after the
/// start, a parameter byte after an intermediate, more than one
/// intermediate, too many parameters.
pub(super) fn parse(seq: &[u8], p: &mut Params) -> Option<Header> {
    let (&fin, body) = seq.split_last()?;
    let mut i = 0;
    let private = match body.first() {
        Some(&b @ 0x3c..=0x3f) => {
            i = 1;
            b
        }
        _ => 0,
    };
    p.nparams = 0;
    p.nvals = 0;
    if body.get(i).is_some_and(|b| (0x30..=0x3b).contains(b)) {
        p.nparams = 1;
        p.nvals = 1;
        p.starts[0] = 0;
    }
    // The value being read: digits so far, or none yet (kept apart from
    // `vals`, so that no empty slot's payload is ever read).
    let mut digits: Option<u32> = None;
    while let Some(&b) = body.get(i) {
        match b {
            b'0'..=b'9' => {
                let d = u32::from(b - b'0');
                digits = Some(match digits {
                    Some(v) => v.saturating_mul(10).saturating_add(d),
                    None => d,
                });
            }
            b':' | b';' => {
                if p.nvals == MAX_VALUES {
                    return None;
                }
                p.vals[p.nvals - 1] = digits.take();
                if b == b';' {
                    if p.nparams == MAX_PARAMS {
                        return None;
                    }
                    p.starts[p.nparams] = p.nvals as u16;
                    p.nparams += 1;
                }
                p.nvals += 1;
            }
            _ => break,
        }
        i += 1;
    }
    if p.nvals > 0 {
        p.vals[p.nvals - 1] = digits;
    }
    let mut intermediate = 0;
    while let Some(&b @ 0x20..=0x2f) = body.get(i) {
        if intermediate != 0 {
            return None;
        }
        intermediate = b;
        i += 1;
    }
    if i != body.len() {
        return None;
    }
    Some(Header {
        private,
        intermediate,
        fin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(p: &Params) -> Vec<Vec<Option<u32>>> {
        (0..p.len()).map(|i| p.param(i).to_vec()).collect()
    }

    struct Parsed {
        private: u8,
        intermediate: u8,
        fin: u8,
        params: Params,
    }

    fn parse(seq: &[u8]) -> Option<Parsed> {
        let mut params = Params::new();
        // Dirty the storage first: parsing must not rely on it being clear.
        let _ = super::parse(b"1:2:3;4;5:6:7:8;9u", &mut params);
        let h = super::parse(seq, &mut params)?;
        Some(Parsed {
            private: h.private,
            intermediate: h.intermediate,
            fin: h.fin,
            params,
        })
    }

    #[test]
    fn parse_params() {
        let c = parse(b"1;5A").unwrap();
        assert_eq!((c.private, c.intermediate, c.fin), (0, 0, b'A'));
        assert_eq!(vals(&c.params), vec![vec![Some(1)], vec![Some(5)]]);
        let c = parse(b"97:65:99;2:3;65u").unwrap();
        assert_eq!(
            vals(&c.params),
            vec![
                vec![Some(97), Some(65), Some(99)],
                vec![Some(2), Some(3)],
                vec![Some(65)]
            ]
        );
        let c = parse(b"97::99;;u").unwrap();
        assert_eq!(
            vals(&c.params),
            vec![vec![Some(97), None, Some(99)], vec![None], vec![None]]
        );
        let c = parse(b"A").unwrap();
        assert_eq!(c.params.len(), 0);
        assert_eq!(c.params.get(5, 5), None);
        let c = parse(b"?2026;2$y").unwrap();
        assert_eq!((c.private, c.intermediate, c.fin), (b'?', b'$', b'y'));
        let c = parse(b"99999999999999z").unwrap();
        assert_eq!(c.params.get(0, 0), Some(u32::MAX));
    }

    #[test]
    fn parse_rejects_malformed() {
        assert!(parse(b"").is_none());
        assert!(parse(b"1<2A").is_none());
        assert!(parse(b"1$2y").is_none());
        assert!(parse(b"1$$y").is_none());
        let too_many = |sep: &str, n: usize, fin: &str| {
            let seq = format!("{}{fin}", sep.repeat(n));
            parse(seq.as_bytes()).is_none()
        };
        assert!(too_many(";", 40, "A"));
        assert!(!too_many(";", 31, "A"));
        assert!(too_many(":", MAX_VALUES, "u"));
        assert!(!too_many(":", MAX_VALUES - 1, "u"));
    }

    #[test]
    fn digits_never_leak_between_values() {
        let c = parse(b"12;;3:;:4u").unwrap();
        assert_eq!(
            vals(&c.params),
            vec![
                vec![Some(12)],
                vec![None],
                vec![Some(3), None],
                vec![None, Some(4)]
            ]
        );
    }
}
