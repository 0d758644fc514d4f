package fetch

import (
	"net/netip"
	"strings"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	t.Parallel()
	cases := []struct {
		addr   string
		public bool
		what   string // part of the reason, for a refused address
	}{
		{"93.184.216.34", true, ""},
		{"2606:2800:220:1:248:1893:25c8:1946", true, ""},
		{"8.8.8.8", true, ""},
		{"127.0.0.1", false, "loopback"},
		{"127.9.9.9", false, "loopback"},
		{"::1", false, "loopback"},
		{"::ffff:127.0.0.1", false, "loopback"},
		{"::127.0.0.1", false, "reserved"},
		{"0.0.0.0", false, "unspecified"},
		{"::", false, "unspecified"},
		{"10.1.2.3", false, "private"},
		{"172.16.0.1", false, "private"},
		{"192.168.1.1", false, "private"},
		{"::ffff:10.0.0.1", false, "private"},
		{"fd00:ec2::254", false, "private"},
		{"100.64.0.1", false, "100.64.0.0/10"},
		{"100.100.100.200", false, "100.64.0.0/10"},
		{"169.254.169.254", false, "cloud metadata"},
		{"::ffff:169.254.169.254", false, "cloud metadata"},
		{"64:ff9b::a9fe:a9fe", false, "cloud metadata"},
		{"2002:a9fe:a9fe::1", false, "cloud metadata"},
		{"169.254.1.1", false, "link-local"},
		{"fe80::1", false, "link-local"},
		{"224.0.0.1", false, "multicast"},
		{"ff02::1", false, "multicast"},
		{"239.255.255.250", false, "multicast"},
		{"255.255.255.255", false, "240.0.0.0/4"},
		{"192.0.0.192", false, "192.0.0.0/24"},
		{"168.63.129.16", false, "168.63.129.16/32"},
		{"2001:db8::1", false, "2001:db8::/32"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", false, "2001::/32"},
		{"64:ff9b::808:808", true, ""},
	}
	for _, c := range cases {
		ok, what := publicAddr(netip.MustParseAddr(c.addr))
		if ok != c.public || !strings.Contains(what, c.what) {
			t.Errorf("publicAddr(%s) = %v, %q; want %v, %q", c.addr, ok, what, c.public, c.what)
		}
	}
}

func TestAllow(t *testing.T) {
	t.Parallel()
	al, err := ParseAllow(" pages.test, 10.0.0.0/8 ,[::1],127.0.0.2 ")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		host, addr string
		allowed    bool
	}{
		{"pages.test", "127.0.0.1", true},
		{"PAGES.test.", "192.168.0.1", true},
		{"other.test", "10.9.9.9", true},
		{"other.test", "::ffff:10.9.9.9", true},
		{"other.test", "::1", true},
		{"other.test", "127.0.0.2", true},
		{"other.test", "127.0.0.1", false},
		{"other.test", "169.254.169.254", false},
		{"other.test", "8.8.8.8", true},
	}
	for _, c := range cases {
		err := al.check(c.host, netip.MustParseAddr(c.addr))
		if (err == nil) != c.allowed {
			t.Errorf("check(%s, %s) = %v, want allowed %v", c.host, c.addr, err, c.allowed)
		}
	}
	for _, bad := range []string{"10.0.0.0/33", "a b", "http://x", "[::1"} {
		if _, err := ParseAllow(bad); err == nil {
			t.Errorf("ParseAllow(%q) accepted it", bad)
		}
	}
	if empty, _ := ParseAllow(" , "); !empty.Empty() {
		t.Error("an empty list is not Empty")
	}
}
