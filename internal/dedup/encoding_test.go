package dedup

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

func TestSigBinaryRoundTrip(t *testing.T) {
	for _, text := range []string{reportA, "Too short.", "", "a b c d e"} {
		sig := Signature(text, DefaultOptions())
		data, err := sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got Sig
		if err := got.UnmarshalBinary(data); err != nil {
			t.Fatalf("%.20q: UnmarshalBinary: %v", text, err)
		}
		if !reflect.DeepEqual(got, sig) {
			t.Errorf("%.20q: round trip gave %+v, want %+v", text, got, sig)
		}
	}
}

func TestSigUnmarshalErrors(t *testing.T) {
	good, _ := Signature(reportA, DefaultOptions()).MarshalBinary()
	tests := []struct {
		name  string
		data  []byte
		field string
	}{
		{"empty", nil, "version"},
		{"other version", append([]byte{2}, good[1:]...), "version"},
		{"shingle zero", append([]byte{1, 0}, good[2:]...), "shingle"},
		{"shingle not shortest", append([]byte{1, 0x85, 0}, good[2:]...), "shingle"},
		{"exact cut", good[:5], "exact"},
		{"count too large", append(append([]byte{}, good[:10]...), 0xff, 0xff, 0x7f), "count"},
		{"mins without exact", []byte{1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4}, "count"},
		{"mins cut", good[:len(good)-1], "mins"},
		{"trailing byte", append(append([]byte{}, good...), 0), "mins"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s Sig
			err := s.UnmarshalBinary(tc.data)
			var de *DecodeError
			if !errors.Is(err, ErrCorrupt) || !errors.As(err, &de) || de.Field != tc.field {
				t.Errorf("UnmarshalBinary(% x) = %v, want DecodeError in %s", tc.data, err, tc.field)
			}
		})
	}
}

// FuzzSigUnmarshal checks that any bytes decode or fail cleanly, and that
// what decodes encodes back to the same bytes (one encoding per Sig).
func FuzzSigUnmarshal(f *testing.F) {
	good, _ := Signature(reportA, DefaultOptions()).MarshalBinary()
	short, _ := Signature("Too short.", DefaultOptions()).MarshalBinary()
	f.Add(good)
	f.Add(short)
	f.Add([]byte{1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Sig
		if err := s.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		again, err := s.MarshalBinary()
		if err != nil || !bytes.Equal(again, data) {
			t.Fatalf("re-encoding % x gave % x, %v", data, again, err)
		}
	})
}
