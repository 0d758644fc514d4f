package main

// serve is the browser's: nothing to serve.
func serve() {}
