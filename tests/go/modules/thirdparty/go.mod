// run

// Third-party modules from a module cache (the harness builds one from
// _deps/, see tools/golden/src/modcache.rs): example.com/Quote (upper
// case, escaped as !quote in the cache) requires example.org/strutil at a
// pre-release version with upper case too (v0.3.1-!beta.2). go.sum holds
// both lines of each. Each module's go line sets its own language version.

module example.com/thirdparty

go 1.27

require example.com/Quote v1.2.0

require example.org/strutil v0.3.1-Beta.2 // indirect
