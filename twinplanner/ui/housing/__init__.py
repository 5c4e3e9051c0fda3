"""The housing board: households and parties, placing by drag or keyboard, and the planner."""
