package seal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

// Parse reads a keyring from its JSON form.
func Parse(b []byte) (*Keyring, error) {
	var r Keyring
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("密钥格式错误 / malformed keyring: %w", err)
	}
	if err := r.init(); err != nil {
		return nil, err
	}
	return &r, nil
}

// Marshal returns the JSON form of r (keys in base64).
func (r *Keyring) Marshal() []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

// FromEnv reads a keyring from the value of HEZUO_KEY: the keyring's JSON,
// that JSON in base64, or the short form "aes:<base64 of 32 bytes>" /
// "sm4:<base64 of 32 bytes>" — one key "k1" whose data and hash keys are
// derived from the 32 bytes (HMAC-SHA256 with the labels "data" and "hash").
func FromEnv(v string) (*Keyring, error) {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "{") {
		return Parse([]byte(v))
	}
	if c, b64, ok := strings.Cut(v, ":"); ok && (c == "aes" || c == "sm4") {
		master, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(master) < 32 {
			return nil, fmt.Errorf("HEZUO_KEY 的短格式应为 %s:<32 字节的 base64> / HEZUO_KEY short form is %s:<base64 of 32 bytes>", c, c)
		}
		cn, _ := ParseCipher(c)
		k := Key{ID: "k1", Cipher: cn, HashKey: derive(master, "hash", 32), DataKey: derive(master, "data", dataKeySize(cn))}
		r := &Keyring{Current: "k1", Keys: []Key{k}}
		return r, r.init()
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("HEZUO_KEY 既不是 JSON 也不是 base64 / HEZUO_KEY is neither JSON nor base64")
	}
	return Parse(b)
}

func derive(master []byte, label string, n int) []byte {
	m := hmac.New(sha256.New, master)
	m.Write([]byte(label))
	return m.Sum(nil)[:n]
}

// ReadFile reads a key file. It refuses a file that others than its owner
// may read (the mode must be 0600 or stricter).
func ReadFile(path string) (*Keyring, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("密钥文件 %s 的权限 %o 过宽，应为 600（chmod 600 %s） / key file %s is readable by others (mode %o): chmod 600 it",
			path, st.Mode().Perm(), path, path, st.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("密钥文件 %s / key file %s: %w", path, path, err)
	}
	return r, nil
}

// WriteFile writes r to path atomically (a temporary file in the same
// directory, synced, renamed into place) with mode 0600.
func WriteFile(path string, r *Keyring) error {
	tmp, err := writeAside(path, r)
	if err != nil {
		return fmt.Errorf("写密钥文件 / write key file: %w", err)
	}
	defer os.Remove(tmp)
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("写密钥文件 / write key file: %w", err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

var keyValueDSN = regexp.MustCompile(`^\s*[A-Za-z_]+\s*=`)

// DefaultFile returns where the key file of the database dsn lives when
// neither HEZUO_KEY nor HEZUO_KEY_FILE names the key: next to an SQLite
// database (<file>.key); for PostgreSQL hezuo.key in the working directory,
// or <HEZUO_KEY_DIR>/<host>_<port>_<database>.key when HEZUO_KEY_DIR is set
// (one directory holding the keys of many databases, as tests need).
func DefaultFile(dsn string) string {
	kv := keyValueDSN.MatchString(dsn) // libpq's "host=a,b dbname=hezuo …"
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") && !kv {
		return dsn + ".key"
	}
	dir := os.Getenv("HEZUO_KEY_DIR")
	if dir == "" {
		return "hezuo.key"
	}
	if kv {
		var host, port, db string
		for _, f := range strings.Fields(dsn) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "host":
				host = v
			case "port":
				port = v
			case "dbname":
				db = v
			}
		}
		name := strings.NewReplacer("/", "_", ":", "_", "\\", "_", "'", "").Replace(host + "_" + port + "_" + db)
		return filepath.Join(dir, name+".key")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return filepath.Join(dir, "hezuo.key")
	}
	name := strings.NewReplacer("/", "_", ":", "_", "\\", "_").Replace(u.Host + "_" + strings.TrimPrefix(u.Path, "/"))
	return filepath.Join(dir, name+".key")
}
