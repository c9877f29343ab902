"""What several scanners judge: shell and install commands, credentials, requirements and indexes.

Imports point down only: scanners may import `_shared`, `_shared` imports only `_core`. Functions
here never know a scanner's rule ids; a caller passes the rules its findings are reported under.
"""
