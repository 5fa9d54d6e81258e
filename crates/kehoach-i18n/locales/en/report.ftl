# report (en)
