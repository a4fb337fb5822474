# The staff console. English only: other languages fall back to these messages.
console-name = Rampart console
