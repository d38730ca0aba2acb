package seal

import (
	"encoding/base64"
	"strings"
	"testing"
)

// Fixtures made by the hand-written SM4 and SM3 (seal/sm4.go, seal/sm3.go,
// before gmsm replaced them) and by AES-256-GCM, with fixed keys: the sealed
// values (random nonces, so the test opens them) and the keyed hashes
// (deterministic, so the test recomputes them). Databases hold exactly these
// forms; a change of implementation must read them all.
var (
	// migrationKeys are the key bytes in hex: k1 AES (data, hash), k2 SM4
	// (data = the GB/T 32907 example key, hash).
	migrationKeys = []struct{ id, cipher, data, hash string }{
		{"k1", AES, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"},
		{"k2", SM4, "0123456789abcdeffedcba9876543210", "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"},
	}
	// migrationMaster is the 32 bytes of the HEZUO_KEY short form
	// "sm4:<base64>" (key "env" in the tables).
	migrationMaster = "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"

	migrationLong = strings.Repeat("合作社", 20) // 180 bytes: several blocks of both, and past Seal's stack buffer

	// migrationSealed: key, plaintext, sealed by the old code, keyed hash.
	migrationSealed = []struct{ key, plain, sealed, hash string }{
		{"k1", "13900001111", "k1:xUQKQYVVOX8HXJf/bf/BULmXzLzuwCu3DjR0EBQiqTxuoPuumGmv", "daf209d4dbbad5ff7703a5abeba4261bc318583ce3a7092c81a493f84ff2127e"},
		{"k1", "Zhang San, 3 Hezuo Road", "k1:/rx+7IFLbp5Z7UGfeQ11EdrNl7+lGnIy1cG3CUDBLB2voKby3HAHpc4skkqTojVkMtam", "965aad0adf839af6c4942183d5a03f75612bf2edd01b4d38215924011ca6cb6e"},
		{"k1", "内蒙古自治区兴安盟科尔沁右翼前旗", "k1:EPYaUcxtaVj8JpwUq/x+Pm2zJxbLo19CKLZ5b38CO56yad2H8cHhlagbu1vpI5TKEE1JOs92GwK75R6LIKqe/CORdu7KwcLokw48tA", "e2bceb71d66e02d72b19195b9ffad485043e58fb6783b6eb93cb7a3790037b4a"},
		{"k1", "", "", "f49240b78aa90e53f46106c3481e377e19696e777328b1cd6ec6061a0bd868a9"},
		{"k1", "222424198001010225", "k1:GxKWKxrwwEkafTPaLaDbgXjgB6Ijo5tMtN+jh+VA3u7H1eqhSGlCtRnx4T6htg", "85069331fbb494ee6fc13e7895043161f107205645effede4d8575012306c4dc"},
		{"k1", "15222719900307451X", "k1:cHTETiIjOrgXO+PI5d1aWsbGSSQRIOaJ4kqa/Kg8OLpwG0QpBu5UaN3TnhBOlQ", "0c064b4b74a35617ac5eee5182141839db267d536bed8e2727b944081fd1660a"},
		{"k1", migrationLong, "k1:f2aJZKXeQ90Tqf5MFIbRWxx5bCS8dR9JrLMHKcS3u01tzEhAYVQytJgXCHFXDKXwCJw8H0reQpBqMcVdudO0x8+U2JtI+ZB39V7/lReC4SbqK81WDXl4GR8GMeg94Zs0vDsvX0sZCI+OSFrgSWeOLoL59ejEhxcoinj+EhsYNnDWGxjJIfTVNccLU8xvNlakc+/NjZJGUTyjU5WAh4nVbQf0oAuJhh4bN3BiRUCINQxAflHnel8IgH2P1uORUVjktWZrI/uwy2DYjWtT8yA5Kw", "542742732633082dc32eaf669d67929bad3ad089f32435cf95a335ac3bdd3314"},
		{"k2", "13900001111", "k2:sR3p4JaHfvHhlQJRSYsDm+OPR13NxAwNqWGr8OvUfCU7fZQsNaXb", "4fc8c098898a861ce40a35aeaf0c696e198b958294b38ddc6605d3ca371c5219"},
		{"k2", "Zhang San, 3 Hezuo Road", "k2:rU3CndmcOJci78qYVbFZsqKxvRJTm5gWygCL5oef6ZiIjWwzTUv8xGLswW2JCu435hf5", "ca814ec907f191807e3352ecced2a98a634a96c91fd26f2096efb8631e0672b5"},
		{"k2", "内蒙古自治区兴安盟科尔沁右翼前旗", "k2:uFv6JiE8TOfVQndWZFAGIdCcaFRc9glbUq9qdUm142ZDv5aJ2gZr5AkmbY8HdBXCqL8WRvDwVsorX0tKgFECky7qKW7yecuLSpsX5A", "7e728a792a5b57b91b4b585f60f9fe40c77aae2221db946d37a4ecaf3bddb65a"},
		{"k2", "", "", "9d1282de4872b3e453cfa722cd320708c7986e4e20c949349182762a123741e1"},
		{"k2", "222424198001010225", "k2:VJPJhnU9VwFLzJWMztp1IlSAPoh60gCZNvj2DMuJWgaaOkdlBN2fRzc0YYlCuw", "1ae53e8effb335e650ca1456ee96b45fce242c1e58cd849af3509229f97e87cf"},
		{"k2", "15222719900307451X", "k2:6wCz9VlNS32CWs9GxAzneqm17yDa13mhDAM630rv16lgmkczqXbxGX45XQU6kw", "fe876cf27b12ee9ebcce49f460c9ec0ff97b9787078f5d8744827950a5b09f64"},
		{"k2", migrationLong, "k2:jlZfzoO7Nh2A4NigeNi/G6Q0GktFp4jUK3NTkLHAQZZ9jVRCPiacLgE1NCI1/uDA+ZFRh4Cb4rCTyWJJ3IFfORDpZ58G1lj66n5gmzJu/Htlw3MReIkK6kAcTOEX9AcHsIaVRqpAHVBkdYqbS4V12JiJIw0wdIAzuQTDnpZyJVxY6I273fda2y9Z8o4mD4rLg/V9NdtIQ6pxSfBhRV001Fo/QPhOGkGKqc+cH7IoeLaBuOUZ6Jf1p0q51vxtesVsPs/DkgH9smM6Myj1Xcz7Vg", "d2288a1c836b4c23f62772542b73719eeefe537e2764c48ca305dab62f2d3add"},
		{"env", "13900001111", "k1:vVqlOKgd69rVeBjTvJT3eT5c7nuo+MYvGTYMTgpAXbk+P9uLH+du", "ea6d1af6ad6c006284b478beece6aa5ef1a03bfda8e5242846662c4a3b500eaf"},
		{"env", "Zhang San, 3 Hezuo Road", "k1:7ukdmOYoLoH6E1GEYzkyXyyh+JlpkpYz9TqGGWlvXZf4P7qcL8XGRRkNgUz3YxcGyaOB", "8bf3870567a9fbb7d6994b1ceb35bc8a8abad5cea9fd866651d1dc919b278313"},
		{"env", "内蒙古自治区兴安盟科尔沁右翼前旗", "k1:+jOk5qXT3l6KqyWZePkVjAbgc+g+2ukH1QN0gq9lm6zHKyOCuZ9MY90IZjrBV/N88R+ExGuuzIK86p9zOIkVmrFILUWE45aUz85o7w", "e642edc6ec389e38c055f0b65a8b02ffcbd2354a495f60c73c1d8773f1d3ae72"},
		{"env", "", "", "f1b835052e6341abdf4830aa5ba9c9ebed39198d22f9f3c77944dae8befaaea3"},
		{"env", "222424198001010225", "k1:CJ9dtfHcVTAmTyDoWmF5qUcthHOxnh8QlXhtruCNQfwQnXryL7crhKHJSx9yPg", "58ff54d62f59af48a9a510c9a9c70137bca7d4488c615425ce01634dac53fa87"},
		{"env", "15222719900307451X", "k1:mLD46+AZL8PkxipaQZmZY0L2DNeq2jkJWQnOUzkHKEj9akQE+GQFrSIvAvfzpw", "1e0cb8204179066ca6513bd5b60ee2b3d34ec19f6edc76178bcedf3b40bb54eb"},
		{"env", migrationLong, "k1:czptGOU6PITKRzYAXo6rgEPMfF2gIN1nbUCZaARI9FX2qWg7VL+nd9jBn/aOSbxqp4NgL5QIPNPBmsoFMJCYARGTHr51B9bVAbbTquMappcOw/eTnGATJa3SD0yjWxc+UoAuGtXVBayEq8K37n1nbCroBpwPTHck2vW1czFMM7Xgad/E/X2DIYKC5smig6SqDHah4AnsR3jiKQghNTowSlPU/2OsO6RtnwQZgi8sjrA8poNMEAwjc6K6I7Z4vna/cGUmdAB3AztpdlWJMDK8aw", "eecb763ef493c417132e7ebcdf62ef137291a363e8a9696d48523bfad9a1bede"},
	}

	// migrationChecks are the key checks (meta seal.check.<id>) of each key.
	migrationChecks = map[string]string{
		"k1":  "5a0c2ef348275a91e7f528affacad4f21e1eaa6f9da206916c18635c37dd0f3c",
		"k2":  "f273ceb08125e48d97134fea3c11425287012b0b39d8c5d4497509a028ff6d93",
		"env": "83641bf5e6c97ebadfeb71ef057bb8786df8305e15534ab7e9c9e3f656000361",
	}
)

// migrationRings returns the fixtures' keyrings: the key file of k1 and k2
// (through its JSON form, as ReadFile reads it) and the short-form ring.
func migrationRings(t *testing.T) map[string]*Keyring {
	t.Helper()
	r := &Keyring{Current: "k1"}
	for _, k := range migrationKeys {
		r.Keys = append(r.Keys, Key{ID: k.id, Cipher: k.cipher, DataKey: unhex(t, k.data), HashKey: unhex(t, k.hash)})
	}
	file, err := Parse(r.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	env, err := FromEnv("sm4:" + base64.StdEncoding.EncodeToString(unhex(t, migrationMaster)))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Keyring{"k1": file, "k2": file, "env": env}
}

// TestMigrationFixtures opens every value the hand-written SM4 (and AES)
// sealed and recomputes every keyed hash and key check: data sealed and
// indexed before the switch to gmsm still reads and still matches.
func TestMigrationFixtures(t *testing.T) {
	rings := migrationRings(t)
	for _, f := range migrationSealed {
		r := rings[f.key]
		id := f.key
		if id == "env" {
			id = "k1"
		}
		got, err := r.Open(f.sealed)
		if err != nil || got != f.plain {
			t.Errorf("%s: Open(%q) = %q, %v; want %q", f.key, f.sealed, got, err, f.plain)
		}
		if h, ok := r.HashWith(id, f.plain); !ok || h != f.hash {
			t.Errorf("%s: hash of %q = %s, want %s", f.key, f.plain, h, f.hash)
		}
		if f.plain != "" && KeyID(f.sealed) != id {
			t.Errorf("%s: sealed %q has key id %q", f.key, f.sealed, KeyID(f.sealed))
		}
	}
	for key, want := range migrationChecks {
		id := key
		if id == "env" {
			id = "k1"
		}
		if got, _ := rings[key].Check(id); got != want {
			t.Errorf("%s: key check = %s, want %s", key, got, want)
		}
	}
}
