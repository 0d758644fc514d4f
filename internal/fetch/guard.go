package fetch

import (
	"fmt"
	"net/netip"
	"strings"
)

// blocked are the address ranges a fetch never dials unless Allow opens them: everything that is
// not a public unicast address of the internet. The standard library's predicates (IsLoopback,
// IsPrivate, IsLinkLocalUnicast, IsMulticast, IsUnspecified) cover the common ranges; this list adds
// the rest, by RFC 6890's special-purpose registries and the clouds' metadata services.
var blocked = mustPrefixes(
	"0.0.0.0/8",        // "this network", unspecified
	"10.0.0.0/8",       // private
	"100.64.0.0/10",    // CGNAT (and Alibaba Cloud's metadata, 100.100.100.200)
	"127.0.0.0/8",      // loopback
	"169.254.0.0/16",   // link-local (AWS, GCP and Azure metadata, 169.254.169.254)
	"172.16.0.0/12",    // private
	"192.0.0.0/24",     // IETF protocol assignments (Oracle Cloud metadata, 192.0.0.192)
	"192.0.2.0/24",     // documentation
	"192.88.99.0/24",   // 6to4 relay anycast
	"192.168.0.0/16",   // private
	"198.18.0.0/15",    // benchmarking
	"198.51.100.0/24",  // documentation
	"203.0.113.0/24",   // documentation
	"224.0.0.0/4",      // multicast
	"240.0.0.0/4",      // reserved, and the broadcast address
	"168.63.129.16/32", // Azure's wire server (host metadata) on a public address
	"::/96",            // unspecified, loopback and the deprecated IPv4-compatible form (::127.0.0.1)
	"64:ff9b:1::/48",   // local-use NAT64
	"100::/64",         // discard
	"2001::/32",        // Teredo, which tunnels to an embedded IPv4 address
	"2001:db8::/32",    // documentation
	"fc00::/7",         // unique local (AWS's IPv6 metadata, fd00:ec2::254)
	"fe80::/10",        // link-local
	"fec0::/10",        // site-local (deprecated)
	"ff00::/8",         // multicast
)

// embeddedV4 are the IPv6 ranges whose last 32 bits are an IPv4 address that the packet reaches
// (NAT64's well-known prefix); such an address is judged by that IPv4 address.
var embeddedV4 = mustPrefixes("64:ff9b::/96")

// sixToFour is 6to4, whose bits 16–47 are the IPv4 address of the tunnel's end.
var sixToFour = netip.MustParsePrefix("2002::/16")

func mustPrefixes(ss ...string) []netip.Prefix {
	ps := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		ps[i] = netip.MustParsePrefix(s)
	}
	return ps
}

// publicAddr says whether a is a public unicast address, and when it is not, what it is (for the
// error). An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as its IPv4 address, and so are
// NAT64 and 6to4 addresses.
func publicAddr(a netip.Addr) (bool, string) {
	a = a.Unmap()
	if a.Is6() {
		for _, p := range embeddedV4 {
			if p.Contains(a) {
				b := a.As16()
				return publicAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
			}
		}
		if sixToFour.Contains(a) {
			b := a.As16()
			return publicAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	switch {
	case a.IsLoopback():
		return false, "a loopback address"
	case a.IsUnspecified():
		return false, "an unspecified address"
	case a.IsPrivate():
		return false, "a private address"
	case a.IsLinkLocalUnicast():
		if a == netip.AddrFrom4([4]byte{169, 254, 169, 254}) {
			return false, "the cloud metadata address"
		}
		return false, "a link-local address"
	case a.IsMulticast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast():
		return false, "a multicast address"
	}
	for _, p := range blocked {
		if p.Contains(a) {
			return false, "a reserved or internal address (" + p.String() + ")"
		}
	}
	return true, ""
}

// Allow is the operator's list of hosts and address ranges that may be fetched although they are
// not public (the -fetch-allow flag). It exists for tests and for trusted private networks; on a
// server open to strangers it reopens the SSRF hole the guard closes, so it should stay empty.
type Allow struct {
	hosts    map[string]bool // lower-case host names, any address they resolve to is allowed
	prefixes []netip.Prefix
}

// ParseAllow reads a comma-separated list of host names, IP addresses and CIDR ranges
// ("localhost,127.0.0.1,10.0.0.0/8,[::1]"). An empty list allows nothing beyond public addresses.
func ParseAllow(list string) (Allow, error) {
	var al Allow
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			al.prefixes = append(al.prefixes, p.Masked())
			continue
		}
		bare := s
		if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
			bare = s[1 : len(s)-1]
		}
		if a, err := netip.ParseAddr(bare); err == nil {
			a = a.Unmap()
			al.prefixes = append(al.prefixes, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		if strings.ContainsAny(s, "/:[] ") {
			return Allow{}, fmt.Errorf("fetch allow list: %q is neither a host name, an IP address nor a CIDR range (10.0.0.0/8)", s)
		}
		if al.hosts == nil {
			al.hosts = map[string]bool{}
		}
		al.hosts[strings.ToLower(strings.TrimSuffix(s, "."))] = true
	}
	return al, nil
}

// Empty says whether the list allows nothing beyond public addresses.
func (al Allow) Empty() bool { return len(al.hosts) == 0 && len(al.prefixes) == 0 }

// check returns nil when a fetch of host may dial a, and otherwise the refusal, which names the
// host and what the address is.
func (al Allow) check(host string, a netip.Addr) error {
	a = a.Unmap()
	if al.hosts[strings.ToLower(strings.TrimSuffix(host, "."))] {
		return nil
	}
	for _, p := range al.prefixes {
		if p.Contains(a) {
			return nil
		}
	}
	if ok, what := publicAddr(a); !ok {
		if _, err := netip.ParseAddr(host); err == nil {
			return refused("%s is %s, which Verbatim does not fetch from", host, what)
		}
		return refused("%s resolves to %s, %s, which Verbatim does not fetch from", host, a, what)
	}
	return nil
}
