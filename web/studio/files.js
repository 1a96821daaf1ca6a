// Real files: Open and Save use the File System Access API where the
// browser has it (Chrome, Edge, ChromeOS), so Save writes back to the file
// that was opened; elsewhere a file input and a download.

const types = [{ description: "Scenario (YAML)", accept: { "text/yaml": [".yaml", ".yml"] } }];

export const canPick = typeof window.showOpenFilePicker === "function";

// openFile asks for a scenario file and returns {name, bytes, handle}, or
// null when the teacher cancelled.
export async function openFile(input) {
  if (canPick) {
    let handle;
    try {
      [handle] = await window.showOpenFilePicker({ types, multiple: false });
    } catch (e) {
      if (e.name === "AbortError") return null;
      throw e;
    }
    const file = await handle.getFile();
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), handle };
  }
  return new Promise((resolve) => {
    input.value = "";
    input.onchange = async () => {
      const file = input.files[0];
      if (!file) return resolve(null);
      resolve({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), handle: null });
    };
    input.click();
  });
}

// saveFile writes the bytes: to handle when given (asking for permission
// again after a reload), else to a place the teacher picks, else as a
// download. It returns {name, handle, how} or null when cancelled.
export async function saveFile(name, bytes, handle, pickNew) {
  if (canPick && (pickNew || !handle)) {
    try {
      handle = await window.showSaveFilePicker({ suggestedName: name, types });
    } catch (e) {
      if (e.name === "AbortError") return null;
      throw e;
    }
  }
  if (handle && handle.createWritable) {
    if (handle.queryPermission && (await handle.queryPermission({ mode: "readwrite" })) !== "granted") {
      if ((await handle.requestPermission({ mode: "readwrite" })) !== "granted") return null;
    }
    const w = await handle.createWritable();
    await w.write(bytes);
    await w.close();
    return { name: handle.name, handle, how: "saved" };
  }
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/yaml" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name, handle: null, how: "downloaded" };
}
