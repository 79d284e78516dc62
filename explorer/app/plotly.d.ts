/** plotly.js-dist-min ships no types; the explorer uses only Plotly.react. */
declare module "plotly.js-dist-min" {
  const Plotly: { react(el: string | HTMLElement, data: object[], layout?: object, config?: object): Promise<unknown> };
  export default Plotly;
}
