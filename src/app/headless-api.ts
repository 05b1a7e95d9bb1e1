// What the CLI can call in the page. Each later issue adds its verbs here.
export const headlessApi = {
  ping: () => 'pong',
};
