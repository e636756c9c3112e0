"""The evaluation set: realistic questions scored right / declined / wrong against an independent reference."""
