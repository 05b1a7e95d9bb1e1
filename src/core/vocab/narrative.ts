/**
 * FOUNDATION §3.9: narrative vocabularies are open; these are the seed values the project ships.
 * They grow through the linguistic registry (new canonicals learned from prompts).
 */
export const PLOTS = ['rising', 'falling', 'steady', 'peak', 'wave'] as const;
/** One of the plot shapes an arc can take. */
export type Plot = (typeof PLOTS)[number];

/** The narrative vocabularies the app starts with (FOUNDATION §3.9); they grow through the linguistic registry, so these are seeds, not a closed list. */
export const SEED_NARRATIVE = {
  settings: ['forest', 'city', 'beach', 'sea', 'desert', 'mountain', 'countryside', 'market', 'street', 'harbour', 'sky', 'space', 'underwater', 'cave', 'canyon', 'field', 'river', 'lake', 'room', 'cellar', 'studio', 'night', 'dawn', 'dusk', 'snow', 'rain', 'garden', 'park', 'road', 'bridge', 'factory', 'club', 'stage', 'kitchen', 'office', 'school', 'church', 'ruins', 'island', 'jungle', 'swamp', 'volcano', 'arctic', 'farm', 'village', 'suburb', 'rooftop', 'tunnel', 'station', 'airport', 'hospital'],
  genre: ['documentary', 'drama', 'horror', 'thriller', 'comedy', 'romance', 'sci-fi', 'fantasy', 'action', 'noir', 'western', 'music-video', 'abstract', 'nature', 'experimental', 'mystery', 'adventure', 'animation'],
  mood: ['calm', 'peaceful', 'tense', 'dark', 'bright', 'happy', 'sad', 'gloomy', 'eerie', 'dreamy', 'energetic', 'melancholy', 'romantic', 'playful', 'angry', 'hopeful', 'nostalgic', 'mysterious', 'cosy', 'lonely', 'joyful', 'serene', 'chaotic', 'epic', 'moody'],
  themes: ['nature', 'love', 'loss', 'journey', 'growth', 'decay', 'time', 'memory', 'freedom', 'conflict', 'celebration', 'solitude', 'community', 'technology', 'change', 'rebirth', 'home', 'escape', 'discovery', 'power'],
  style: ['cinematic', 'minimal', 'retro', 'vintage', 'neon', 'noir', 'handheld', 'documentary', 'abstract', 'surreal', 'glitch', 'pastel', 'monochrome', 'vibrant', 'washed-out', 'lo-fi', 'psychedelic', 'realistic', 'dreamlike', 'gritty'],
  scene_type: ['landscape', 'cityscape', 'seascape', 'interior', 'portrait', 'close-up', 'wide', 'aerial', 'abstract', 'crowd', 'still-life', 'pattern'],
} as const;

/** Name of one narrative vocabulary (settings, genre, mood, …). */
export type NarrativeVocabulary = keyof typeof SEED_NARRATIVE;
