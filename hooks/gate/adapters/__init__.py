"""Model adapters: one per kind of model the gate can attack (`choose.adapter_for` picks one)."""
