// The seed settings that say when or in what weather a scene is, not where: night, dawn, rain, sky… Every pass that
// reads places has to set them apart (a compound, a name's head, an event's setting or an implied place is never
// one of them), so they are listed once here.

/** Seed settings that say when or in what weather, not where ("Friday Night", "afternoon rain" name no place). */
export const TIME_SETTINGS: ReadonlySet<string> = new Set(['night', 'dawn', 'dusk', 'snow', 'rain', 'afternoon', 'morning', 'evening', 'sky', 'sunset', 'sunrise', 'midnight', 'noon', 'day']);
