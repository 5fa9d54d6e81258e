# cli (vi)
