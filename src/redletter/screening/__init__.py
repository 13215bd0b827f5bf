"""The screening layer, between matching and the store (in the manner of yente's ``matching``
module between its index and its API): load the customer master, screen parties of concern
against it, apply the auto-update policy (``data/screening_policy.json``) and the reviewers'
decisions. The command line, the inbox and the review page all call this; the store only
records."""
