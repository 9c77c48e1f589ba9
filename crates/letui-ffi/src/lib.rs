//! letui C ABI.
