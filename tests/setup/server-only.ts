// Stand-in for the "server-only" marker package: tests run server code in Node, which is where it belongs.
export {};
