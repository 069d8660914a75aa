"""Research: the newcomer's consent to take part, pseudonymised extracts and their register."""
