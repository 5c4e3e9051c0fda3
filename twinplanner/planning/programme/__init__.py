"""Programme of a visit: conflict checker, fixtures, timetable proposals (pure, no Qt)."""
