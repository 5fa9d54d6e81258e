# report (vi)
