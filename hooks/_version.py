VERSION = "0.2.0"
# Where the project lives; rule pages (docs/rules/) are linked from SARIF `helpUri` under it.
PROJECT_URL = "https://github.com/mlsec-hooks/mlsec-hooks"
