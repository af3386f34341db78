// Registers no test: a file like this proves nothing and must fail the run.
export const nothing = true;
