#!/bin/sh
# Makes the small speech fixture for the voice-activity test: espeak-ng (22.05 kHz) resampled by sox to 16 kHz mono 16-bit.
set -e
cd "$(dirname "$0")"
espeak-ng -v en-us -s 150 -w /tmp/speech-raw.wav "The quick brown fox jumps over the lazy dog, and then it runs away into the forest."
sox /tmp/speech-raw.wav -r 16000 -c 1 -b 16 speech-16k.wav trim 0 3
rm -f /tmp/speech-raw.wav
