"""`mlsec-data`: personal data, credentials and oversize files in committed datasets and dataframe outputs."""
