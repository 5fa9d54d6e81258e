# rules (vi)
