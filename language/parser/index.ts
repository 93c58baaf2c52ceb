// Public surface of this stage; filled in as it is built.
export {};
