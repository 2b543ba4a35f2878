# scripts/lib/stdlib.sh: what scripts/stdlib-tests and scripts/stdlib-examples
# share about the standard library's packages (sourced, not run).

# stdlib_skipped PKG: why PKG's tests and examples are not tried (empty:
# they are). The network (sockets, DNS, loopback servers), cgo, and
# packages that only make sense with gc's toolchain or runtime internals.
stdlib_skipped() {
	case $1 in
	net | net/http | net/http/* | net/rpc | net/rpc/* | net/smtp | net/internal/* | internal/nettest | crypto/tls | log/syslog)
		echo network ;;
	runtime/cgo | os/user | plugin | internal/runtime/cgobench)
		echo cgo ;;
	esac
}

