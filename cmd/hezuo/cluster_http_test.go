package main

import (
	"encoding/json"
	"net/http"
	"time"
)

// HTTP helpers of the cluster test.

// getJSONURL GETs u without a session and decodes its JSON; the status.
func getJSONURL(u string, v any) int {
	return getJSONWith(&http.Client{Timeout: 10 * time.Second}, u, v)
}

// getJSONWith GETs u with c and decodes its JSON; the status (0 when the
// request failed).
func getJSONWith(c *http.Client, u string, v any) int {
	resp, err := c.Get(u)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body).Decode(v)
	return resp.StatusCode
}
