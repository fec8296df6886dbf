// The declaration in include/ is all there is: libFuzzer, linked by -sanitize=fuzzer, defines it.
