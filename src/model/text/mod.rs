//! Plain text: lines as byte ranges ([`lines`]), lowercasing that copies
//! only what it changes ([`case`]), and char boundaries ([`boundary`]).

pub mod boundary;
pub mod case;
pub mod lines;
