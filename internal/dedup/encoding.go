package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// A Sig's binary form, for stores that persist signatures:
//
//	version   byte    (1)
//	shingle   uvarint (1..32)
//	exact     8 bytes, little-endian
//	count     uvarint (0..65536; 0 when exact is 0)
//	mins      count × 4 bytes, little-endian
//
// Varints are in their shortest form, so each Sig has exactly one encoding.
// A 128-hash signature takes 523 bytes.

const (
	encodingVersion = 1
	maxEncodedMins  = 1 << 16
)

// ErrCorrupt is wrapped by the *DecodeError UnmarshalBinary returns for
// bytes that are not a signature.
var ErrCorrupt = errors.New("corrupt signature")

// DecodeError says where UnmarshalBinary found a signature malformed.
type DecodeError struct {
	Offset int    // byte offset of the bad field
	Field  string // its name in the format above
	Err    error  // ErrCorrupt
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("dedup: decode signature: %s at byte %d: %v", e.Field, e.Offset, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// MarshalBinary encodes s in the format above.
func (s Sig) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 1+binary.MaxVarintLen64*2+8+4*len(s.Mins))
	b = append(b, encodingVersion)
	b = binary.AppendUvarint(b, uint64(s.Shingle))
	b = binary.LittleEndian.AppendUint64(b, s.Exact)
	b = binary.AppendUvarint(b, uint64(len(s.Mins)))
	for _, v := range s.Mins {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary decodes a signature encoded by MarshalBinary. It returns
// a *DecodeError wrapping ErrCorrupt for anything else.
func (s *Sig) UnmarshalBinary(data []byte) error {
	bad := func(off int, field string) error {
		return &DecodeError{Offset: off, Field: field, Err: ErrCorrupt}
	}
	if len(data) == 0 || data[0] != encodingVersion {
		return bad(0, "version")
	}
	off := 1
	shingle, n := uvarint(data[off:])
	if n <= 0 || shingle < 1 || shingle > maxShingle {
		return bad(off, "shingle")
	}
	off += n
	if len(data)-off < 8 {
		return bad(off, "exact")
	}
	exact := binary.LittleEndian.Uint64(data[off:])
	off += 8
	count, n := uvarint(data[off:])
	if n <= 0 || count > maxEncodedMins || exact == 0 && count > 0 {
		return bad(off, "count")
	}
	off += n
	if uint64(len(data)-off) != 4*count {
		return bad(off, "mins")
	}
	*s = Sig{Exact: exact, Shingle: int(shingle)}
	if count > 0 {
		s.Mins = make([]uint32, count)
		for i := range s.Mins {
			s.Mins[i] = binary.LittleEndian.Uint32(data[off+4*i:])
		}
	}
	return nil
}

// uvarint reads a shortest-form uvarint; n <= 0 when there is none.
func uvarint(b []byte) (v uint64, n int) {
	v, n = binary.Uvarint(b)
	if n > 0 && n != len(binary.AppendUvarint(nil, v)) {
		return 0, -1
	}
	return v, n
}
