package lang

// zh is the Simplified Chinese of the app's strings, by their English.
var zh = map[string]string{
	"Play": "播放",
}
