"""The biography: the questionnaire, answers and their log, family members, private notes."""
