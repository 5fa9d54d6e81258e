# rules (en)
