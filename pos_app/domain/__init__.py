"""Qt-free, I/O-free core: money, cart, ids, phone numbers, payment states."""
