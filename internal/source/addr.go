package source

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// refusedPrefixes are the address ranges the fetcher will not dial unless
// FetchOptions.AllowPrivate is set: each would let a URL from a feed or a
// page reach this machine, its network or its cloud metadata service
// (169.254.169.254) instead of the public web.
var refusedPrefixes = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified (this network)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"}, // includes broadcast 255.255.255.255
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("100::/64"), "discard"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("fc00::/7"), "private (unique local)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// Prefixes whose addresses embed an IPv4 address that is checked in turn.
var (
	nat64Prefix  = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour    = netip.MustParsePrefix("2002::/16")
	ipv4Compat   = netip.MustParsePrefix("::/96")
	ipv4Embedded = []netip.Prefix{nat64Prefix, ipv4Compat}
)

// RefusedReason says why ip may not be dialled by default ("loopback",
// "private", "link-local", ...), or "" when it may. IPv4-mapped IPv6
// addresses (::ffff:127.0.0.1), NAT64 and 6to4 addresses are judged by the
// IPv4 address they carry.
func RefusedReason(ip netip.Addr) string {
	if !ip.IsValid() {
		return "not an IP address"
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		b := ip.As16()
		for _, p := range ipv4Embedded {
			if p.Contains(ip) && !ip.IsUnspecified() && ip != netip.IPv6Loopback() {
				return RefusedReason(netip.AddrFrom4([4]byte(b[12:16])))
			}
		}
		if sixToFour.Contains(ip) {
			if r := RefusedReason(netip.AddrFrom4([4]byte(b[2:6]))); r != "" {
				return r + " (in 6to4)"
			}
		}
	}
	for _, p := range refusedPrefixes {
		if p.prefix.Contains(ip) {
			return p.reason
		}
	}
	return ""
}

// refusedError names an address the fetcher would not dial.
type refusedError struct {
	addr   string
	reason string
}

func (e *refusedError) Error() string {
	return fmt.Sprintf("%v: %s is %s (use --allow-private to allow)", ErrRefused, e.addr, e.reason)
}

func (e *refusedError) Is(target error) bool { return target == ErrRefused }

// checkAddr refuses a literal IP address that may not be dialled.
func (f *Fetcher) checkAddr(host string) error {
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return nil // a name; its addresses are checked when dialled
	}
	if r := f.refuse(ip); r != "" {
		return &refusedError{addr: ip.String(), reason: r}
	}
	return nil
}

// dialControl checks the address actually dialled, after name
// resolution, so that a name resolving (or re-resolving) to a refused
// address fails too.
func (f *Fetcher) dialControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		host = address
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return &refusedError{addr: address, reason: "not an IP address"}
	}
	if r := f.refuse(ip); r != "" {
		return &refusedError{addr: ip.String(), reason: r}
	}
	return nil
}
