package hezuo

import "time"

// China is the zone of China Standard Time (UTC+8, no daylight saving); "today"
// in hezuo is today in this zone.
var China = time.FixedZone("CST", 8*3600)
