-- Issue 19: check-in codes cannot be guessed. Wrong codes per member and meeting are counted; the fifth locks that
-- member's check-in for the meeting (the secretary marks attendance instead and sees it on the to-do list).
alter table meeting_attendance add column checkin_failures int default 0 not null;
alter table meeting_attendance add column checkin_locked_at timestamp with time zone;
