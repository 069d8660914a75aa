"""Claim codes: typable, grouped, and hashed however they are typed."""

from __future__ import annotations

from mobio.claims.codes import ALPHABET, code_hash, new_code, normalise


def test_codes_are_grouped_from_an_alphabet_without_look_alikes() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("01ILOU") & set(ALPHABET)


def test_the_hash_ignores_case_spaces_and_dashes() -> None:
    assert normalise(" abcd-efgh jkmn ") == "ABCDEFGHJKMN"
    assert code_hash("abcd efgh-jkmn") == code_hash("ABCD-EFGH-JKMN")
    assert code_hash("ABCD-EFGH-JKMP") != code_hash("ABCD-EFGH-JKMN")
    assert len(code_hash("ABCD-EFGH-JKMN")) == 64
