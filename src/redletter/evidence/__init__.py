"""The evidence page of a customer for auditors: one self-contained HTML page (or a PDF of it)
with every letter, party, feature, decision and audit hash behind its entries."""
