# The corpus of search-sort-thread.script; the answers in sort_thread.py were recorded from the reference
# Dovecot 2.3 after appending these messages (with these internal dates) to an empty mailbox.
MSGS = [
 ("01-Mar-1994 12:00:00 +0000", ["From: \"Zed Zulu\" <zed@example.org>", "To: Bob <bob@example.org>", "Subject: Meeting", "Date: Tue, 8 Feb 1994 10:00:00 +0000", "Message-ID: <m1@example.org>"], ["Shall we meet?"]),
 ("02-Mar-1994 12:00:00 +0000", ["From: Anna <anna@example.org>", "To: \"Carl\" <carl@example.org>", "Subject: Re: Meeting", "Date: Mon, 7 Feb 1994 10:00:00 +0000", "Message-ID: <m2@example.org>", "In-Reply-To: <m1@example.org>", "References: <m1@example.org>"], ["Yes."]),
 ("28-Feb-1994 12:00:00 +0000", ["From: bert@example.org", "To: alice@example.org", "Cc: zoe@example.org", "Subject: [list] Budget", "Date: Wed, 9 Feb 1994 10:00:00 +0000", "Message-ID: <m3@example.org>"], ["The budget for next year is attached below.", "Line two of the budget.", "Line three of the budget."]),
 ("03-Mar-1994 12:00:00 +0000", ["From: \"Mike\" <mike@example.org>", "To: dave@example.org", "Subject: Fwd: Budget", "Date: Thu, 10 Feb 1994 10:00:00 +0000", "Message-ID: <m4@example.org>", "References: <m3@example.org>"], ["FYI"]),
 ("04-Mar-1994 12:00:00 +0000", ["From: Anna <anna@example.org>", "To: bob@example.org", "Cc: amy@example.org", "Subject: Re: Re: Meeting", "Date: Fri, 11 Feb 1994 10:00:00 +0000", "Message-ID: <m5@example.org>", "References: <m1@example.org> <m2@example.org>"], ["See you there."]),
 ("05-Mar-1994 12:00:00 +0000", ["From: Carl <carl@example.org>", "To: Anna <anna@example.org>", "Subject: Lunch", "Message-ID: <m6@example.org>"], ["Lunch at noon?"]),
]
def raw(h, b):
    return ("\r\n".join(h) + "\r\n\r\n" + "\r\n".join(b) + "\r\n").encode()
